"""drill's pytest plugins for the judge: they run with pytest and the hidden
tests, and act in the learner process only through remote proxies of
learnerkit's modules. Nothing here imports Django or the learner's code.
"""
