"""The local auth proxy, Qt-free: any tool sends plain requests, the proxy adds the session.

``server`` listens and runs a thread per connection; ``forward`` handles one request (checks,
credentials, one renewal and replay after a 401, the answer streamed back); ``upstream`` keeps
the connections to the server; ``safety`` decides who may use the proxy; ``wire`` reads and
writes HTTP/1.1; ``access`` makes the access log. The credentials come from a
:class:`~msauth_gui.core.session.shared.CredentialSource`: ``msauth proxy`` passes the Qt-free
keeper's, the window an adapter over its TokenKeeper.
"""

DEFAULT_PORT = 8001
DEFAULT_ADDRESS = "127.0.0.1"
