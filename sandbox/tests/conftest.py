"""Host-side tests of the harness's Python: sandbox/harness is on sys.path,
as /opt/drill is in the images."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "harness"))
