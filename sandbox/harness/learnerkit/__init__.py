"""drill's helpers that run in the learner process, where the learner's code
and, in the django runtime, Django and the learner's project live. The judge
reaches them through remote.inside("learnerkit.<name>"); nothing here is
trusted by the judge, which decides every verdict from data it gets back.
Standard library (and, for learnerkit.django, Django) only: never pytest.
"""
