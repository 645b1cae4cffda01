-- actions: the current actions, as the marts count them: every record the CMS holds today, never a
-- deleted one. conformed_actions is the conformed table whole, tombstones (is_deleted) included.
SELECT * FROM conformed_actions WHERE NOT is_deleted
