-- feedback_measures: every kind of feedback the report counts, in the report's order: the At a Glance
-- measures, then the other kinds of feedback of its Feedback Summary.
SELECT * FROM VALUES
  ('compliments', 1, true), ('enquiries_general', 2, true), ('enquiries_councillor', 3, true),
  ('enquiries_mp', 4, true), ('statutory_stage1', 5, true), ('statutory_stage2', 6, true),
  ('statutory_stage3', 7, true), ('corporate_stage1', 8, true), ('corporate_stage2', 9, true),
  ('corporate_stage3', 10, true), ('lgo_enquiries', 11, true),
  ('resolving_professional_differences', 12, false), ('correspondence', 13, false),
  ('safeguarding_partnership_board', 14, false), ('social_work_england', 15, false),
  ('representation', 16, false)
  AS m(measure, position, at_a_glance)
