"""``python -m schemas``: write the JSON Schema documents generated from the models."""

from schemas import write_all

for path in write_all():
    print(path)
