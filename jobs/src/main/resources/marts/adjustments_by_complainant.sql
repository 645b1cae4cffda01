-- adjustments_by_complainant: agreed updates due on or before the as-at date, per complainant (a case:
-- the export names complainants only by personal data), by pseudonymous reference: how many were due,
-- sent on time, sent late, not sent, sent but not in the agreed form; misses (late + not sent + not in
-- the agreed form) and repeated_misses when a complainant has been missed twice or more.
WITH due AS (
  SELECT u.*, u.sent_date IS NULL OR u.sent_date > u.due_date OR NOT coalesce(u.adjustment_met, true) AS missed
  FROM updates_due u
),
per_complainant AS (
  SELECT pseudonym(coalesce(case_ref, 'record:' || record_id))         AS complainant_reference,
         max_by(service_area, due_date)                                 AS service_area,
         concat_ws('|', array_sort(collect_set(adjustment)))            AS adjustments,
         count(*)                                                       AS updates_due,
         count_if(sent_date <= due_date)                                AS sent_on_time,
         count_if(sent_date > due_date)                                 AS sent_late,
         count_if(sent_date IS NULL)                                    AS not_sent,
         count_if(sent_date IS NOT NULL AND NOT adjustment_met)         AS adjustment_not_met,
         count_if(missed)                                               AS misses,
         max(CASE WHEN missed THEN due_date END)                        AS last_missed_due_date
  FROM due
  GROUP BY 1
)
SELECT *, misses >= 2 AS repeated_misses
FROM per_complainant
