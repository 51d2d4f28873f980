"""What the REST API and the web pages share, so neither imports the other: the server's
settings, problem details, middleware, and the pipeline run for a posted article.

The app that puts them together is dateline/server.py.
"""
