"""A signed-in session's rules, Qt-free: when to renew, how, and what a failure means.

``renewal`` holds the token keeper's decisions as plain functions of its state; the Qt keeper
(:mod:`msauth_gui.gui.session.keeper`) only wires them to timers and worker jobs. ``remember``
carries what a job's client found (the token endpoint) to the next job, the log and the profile.
"""
