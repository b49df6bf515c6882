"""The runtime: what starts processes, talks to a broker or a web hook, and faces the user.

``cli`` (the ``wirewatch`` command), ``operations`` (the broker-backed commands behind
it), ``worker`` (a worker process), ``bench`` (the broker half of ``wirewatch bench``),
``notify`` (web-hook delivery). The pure core in ``wirewatch`` never imports from here;
``make lint`` checks it.
"""
