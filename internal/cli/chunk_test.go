package cli

import (
	"fmt"
	"testing"

	"github.com/drill-dev/drill/internal/bank"
)

func TestChunkExercises(t *testing.T) {
	bankOf := func(runtimes string) []*bank.Exercise {
		var exs []*bank.Exercise
		for i, r := range runtimes {
			rt := map[rune]string{'p': "python", 'd': "django"}[r]
			exs = append(exs, &bank.Exercise{ID: fmt.Sprint(i), Runtime: rt})
		}
		return exs
	}
	tests := []struct {
		runtimes string
		jobs     int
		want     string
	}{
		{"p", 1, "[[0]]"},
		{"pp", 2, "[[0] [1]]"},
		// Four sandboxes a job at least, to keep every core busy to the end.
		{"pppppppp", 1, "[[0 1] [2 3] [4 5] [6 7]]"},
		{"pppppppp", 2, "[[0] [1] [2] [3] [4] [5] [6] [7]]"},
		// A runtime change starts a new sandbox.
		{"ppddp", 1, "[[0 1] [2 3] [4]]"},
		{"pdpd", 1, "[[0] [1] [2] [3]]"},
		// Never more than maxChunk to a sandbox.
		{"pppppppppppppppppppppppppppppppppppppppp", 1, "[[0 1 2 3 4] [5 6 7 8 9] [10 11 12 13 14] [15 16 17 18 19] [20 21 22 23 24] [25 26 27 28 29] [30 31 32 33 34] [35 36 37 38 39]]"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.runtimes, tt.jobs), func(t *testing.T) {
			if got := fmt.Sprint(chunkExercises(bankOf(tt.runtimes), tt.jobs)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
