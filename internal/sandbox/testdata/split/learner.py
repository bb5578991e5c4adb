"""The learner processes' server in drill's tests of the sandbox's two
users (internal/sandbox/split_test.go), in place of drill's object server:
it runs the Python source the judge sends, as the learner, and answers
{"result": what it left in `result`} (data), or {"error": its traceback}."""

import traceback


def serve(chan):
    ns = {"__name__": "learner_under_test"}
    while True:
        try:
            source = chan.recv()
        except EOFError:
            return
        try:
            ns.pop("result", None)
            exec(source, ns)
            reply = {"result": ns.get("result")}
        except BaseException:  # noqa: BLE001 - the judge is told
            reply = {"error": traceback.format_exc()}
        chan.send(reply)
