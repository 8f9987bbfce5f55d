"""The TUI's screens: the main reader and its modal dialogs."""
