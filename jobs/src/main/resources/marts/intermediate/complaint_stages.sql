-- complaint_stages: one row per current complaint stage, with the deadline its response was due by,
-- and whether the complainant had an advocate (NYAS, Voiceability or another).
-- The deadline adds the stage's target working days to received_date, one working day at a time
-- (the extended target where extension_agreed); a receipt on a non-working day counts from the next
-- working day. working_day_seq counts the working days up to and including each date, so the working
-- days a response took are the difference of the two dates' counts.
WITH complaints AS (
  SELECT *, advocate IN ('NYAS', 'VOICEABILITY', 'OTHER') AS with_advocate
  FROM feedback_records WHERE feedback_type = 'COMPLAINT'
),
with_target AS (
  SELECT c.*,
         CASE WHEN c.extension_agreed THEN t.extended_working_days ELSE t.target_working_days END
           AS target_working_days
  FROM complaints c
  LEFT JOIN complaint_timescales t
    ON t.procedure = c.procedure AND t.stage = c.stage
   AND c.received_date >= t.valid_from AND (t.valid_to IS NULL OR c.received_date <= t.valid_to)
),
with_deadline AS (
  SELECT w.*, due.date AS deadline,
         responded.working_day_seq - received.working_day_seq AS working_days_taken
  FROM with_target w
  LEFT JOIN working_days received ON received.date = w.received_date
  LEFT JOIN working_days due
    ON due.is_working_day AND due.working_day_seq = received.working_day_seq + w.target_working_days
  LEFT JOIN working_days responded ON responded.date = w.response_date
)
SELECT * FROM with_deadline
