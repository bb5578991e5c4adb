"""Says which instance of the app answered (you don't need to change it):
the tests start each gunicorn with its own APP_INSTANCE."""
import os


class InstanceHeader:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Instance"] = os.environ.get("APP_INSTANCE", "")
        return response
