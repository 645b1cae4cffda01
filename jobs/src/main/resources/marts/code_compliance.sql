-- code_compliance: code_timeliness's counts, for the public: the complaints received in each financial year from the
-- date the Ombudsman's Complaint Handling Code applies, by procedure and stage, refused (by reason), acknowledged
-- and answered within the Code's timescales, extended and extended beyond its limit. The working-day medians stay
-- with the staff.
SELECT financial_year, procedure, stage, received, refused, refused_not_a_complaint, refused_out_of_time,
       refused_other_route, refused_unreasonable_behaviour, refused_other, acknowledged_in_time, responded,
       responded_in_time, extended, extended_beyond_limit, not_acknowledged_in_time, responded_late,
       responded_late_unextended, extended_within_limit
FROM code_timeliness
