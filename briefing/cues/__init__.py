"""Cues: what one sentence shows by its own words, for the summary and the sections alike.

Takes a sentence; gives what it quotes and who speaks (``quotes``, ``speakers``), how it hedges
its claim (``hedges``), which dates it names (``dates``) and whether it stands alone
(``standalone``). Each module is a set of predicates; none of them weighs or picks.
"""
