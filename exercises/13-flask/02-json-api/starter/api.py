from flask import Flask, abort, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from tasks import store

app = Flask(__name__)


@app.get("/api/tasks")
def list_tasks():
    # A dict returned by a view is sent as JSON. Still to do: ?done=...
    return {"tasks": store.all()}


# Write the other routes of README.md here (create_task, get_task,
# update_task, delete_task), and the error handlers that answer every
# error in JSON.
