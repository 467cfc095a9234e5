"""A signed-in session's rules, Qt-free: when to renew, how, and what a failure means.

``renewal`` holds the token keeper's decisions as plain functions of its state; ``probing``
says what a probe's answer means (the account's rights; a 401's second chance); ``remember``
carries what a job's client found (the token endpoint) to the next job, the log and the profile.
The Qt keeper (:mod:`msauth_gui.gui.session.keeper`) wires them to timers and worker jobs,
``keeper`` (the Qt-free one of ``msauth proxy``) to a thread and a condition variable.
``shared`` is a session's credentials as other threads (the local proxy) read them.
"""
