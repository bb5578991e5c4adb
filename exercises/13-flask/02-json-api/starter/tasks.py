"""Where the API keeps its tasks (you don't need to change it).

A task is a dict: {"id": 1, "title": "Buy milk", "done": False, "priority": 2}.
The store checks nothing: what it is given is what it keeps, so the API must
check the fields before it stores them.
"""


class TaskStore:
    def __init__(self):
        self.reset()

    def reset(self):
        """Forget every task; ids start again at 1."""
        self._tasks = {}
        self._next_id = 1

    def all(self):
        """Every task, by id."""
        return [dict(self._tasks[task_id]) for task_id in sorted(self._tasks)]

    def get(self, task_id):
        """The task with this id, or None."""
        task = self._tasks.get(task_id)
        return dict(task) if task is not None else None

    def add(self, title, done=False, priority=2):
        """Store a new task and return it, with its id. Ids are never reused."""
        task = {"id": self._next_id, "title": title, "done": done, "priority": priority}
        self._tasks[task["id"]] = task
        self._next_id += 1
        return dict(task)

    def update(self, task_id, **fields):
        """Change the given fields of a task (which must exist) and return it."""
        self._tasks[task_id].update(fields)
        return dict(self._tasks[task_id])

    def delete(self, task_id):
        """Remove a task; whether there was one."""
        return self._tasks.pop(task_id, None) is not None


store = TaskStore()
