"""Runtime plumbing: worker processes, atomic output files, the packaged templates and seeds.

Nothing here knows German or news; every stage may use it.
"""
