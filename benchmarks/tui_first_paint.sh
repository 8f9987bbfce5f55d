#!/usr/bin/env bash
# Wall time from launching `python -m briefing tui [PATH...]` in a 100x30 tmux session until
# the briefing ("Das Wichtigste") is on screen: process start, imports and loading included.
# Run from the repository root with the venv active; needs tmux.
set -euo pipefail
session="briefing-paint-$$"
start=$(date +%s.%N)
tmux new-session -d -s "$session" -x 100 -y 30 "python -m briefing tui $*; sleep 5"
until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "Das Wichtigste"; do sleep 0.02; done
end=$(date +%s.%N)
echo "first paint: $(python3 -c "print(f'{$end - $start:.2f}')") s"
tmux send-keys -t "$session" q
sleep 0.5
tmux kill-session -t "$session" 2>/dev/null || true
