"""A signed-in session's rules, Qt-free: when to renew, how, and what a failure means.

``renewal`` holds the token keeper's decisions as plain functions of its state; the Qt keeper
(:mod:`msauth_gui.gui.session.keeper`) wires them to timers and worker jobs, ``keeper`` (the
Qt-free one of ``msauth proxy``) to a thread and a condition variable. ``shared`` is a session's
credentials as other threads (the local proxy) read them.
"""
