"""All I/O of the web app: its session store and the services' HTTP APIs."""
