-- contacts: the current contacts, as the marts count them: every record the CMS holds today, never a
-- deleted one. conformed_contacts is the conformed table whole, tombstones (is_deleted) included.
SELECT * FROM conformed_contacts WHERE NOT is_deleted
