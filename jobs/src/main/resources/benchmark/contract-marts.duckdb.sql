-- The eight marts of marts.md, in DuckDB's SQL, for the yardstick (DuckDbYardstick): written from
-- the contract page, not from the warehouse's Spark SQL, so that agreement between the two means
-- something. Reads current_<table> (each key's newest version, tombstones included), ehcp_monthly,
-- working_days, complaint_timescales and drops. Statements end with a semicolon at a line's end.

CREATE MACRO financial_year(d) AS
  CASE WHEN month(d) >= 4
       THEN CAST(year(d) AS VARCHAR) || '-' || lpad(CAST((year(d) + 1) % 100 AS VARCHAR), 2, '0')
       ELSE CAST(year(d) - 1 AS VARCHAR) || '-' || lpad(CAST(year(d) % 100 AS VARCHAR), 2, '0')
  END;

CREATE MACRO year_before(fy) AS
  CAST(CAST(left(fy, 4) AS INTEGER) - 1 AS VARCHAR) || '-' || substr(fy, 3, 2);

-- The as-at date: the date (UTC) of the newest export loaded.
CREATE TABLE as_at AS SELECT CAST(max(extracted_at) AS DATE) AS as_at_date FROM drops;

-- A complaint the council refused to take (release 1.1's not_accepted_reason) is refused, not received.
CREATE TABLE feedback AS
SELECT * FROM current_feedback_records WHERE NOT is_deleted AND not_accepted_reason IS NULL;

CREATE TABLE commitments AS
SELECT a.*, coalesce(f.service_area, 'UNKNOWN') AS service_area
FROM current_actions a LEFT JOIN feedback f ON f.record_id = a.record_id
WHERE NOT a.is_deleted AND coalesce(a.status, '') <> 'CANCELLED';

CREATE TABLE updates AS
SELECT c.*, coalesce(f.service_area, 'UNKNOWN') AS service_area
FROM current_contacts c LEFT JOIN feedback f ON f.record_id = c.record_id
WHERE NOT c.is_deleted;

-- Each complaint stage with its deadline: the target (extended where agreed) in working days after
-- received_date, a receipt on a non-working day counting from the next working day.
CREATE TABLE complaint_stages AS
WITH targeted AS (
  SELECT f.*,
         CASE WHEN f.extension_agreed THEN t.extended_working_days ELSE t.target_working_days END AS target
  FROM feedback f
  LEFT JOIN complaint_timescales t
    ON t.procedure = f.procedure AND t.stage = f.stage
   AND f.received_date >= t.valid_from AND (t.valid_to IS NULL OR f.received_date <= t.valid_to)
  WHERE f.feedback_type = 'COMPLAINT'
)
SELECT c.*, due.date AS deadline
FROM targeted c
LEFT JOIN working_days received ON received.date = c.received_date
LEFT JOIN working_days due
  ON due.is_working_day AND due.working_day_seq = received.working_day_seq + c.target;

CREATE TABLE at_a_glance AS
WITH received AS (
  SELECT financial_year(received_date) AS financial_year,
         CASE feedback_type
           WHEN 'COMPLIMENT' THEN 'compliments'
           WHEN 'ENQUIRY' THEN 'enquiries_' || lower(enquiry_source)
           WHEN 'COMPLAINT' THEN lower(procedure) || '_stage' || CAST(stage AS VARCHAR)
           WHEN 'LGO_ENQUIRY' THEN 'lgo_enquiries'
         END AS measure
  FROM feedback
),
years AS (SELECT DISTINCT financial_year FROM received),
measures(measure) AS (
  VALUES ('compliments'), ('enquiries_general'), ('enquiries_councillor'), ('enquiries_mp'),
         ('statutory_stage1'), ('statutory_stage2'), ('statutory_stage3'),
         ('corporate_stage1'), ('corporate_stage2'), ('corporate_stage3'), ('lgo_enquiries')
),
grid AS (
  SELECT y.financial_year, m.measure, count(r.measure) AS value
  FROM years y CROSS JOIN measures m
  LEFT JOIN received r ON r.financial_year = y.financial_year AND r.measure = m.measure
  GROUP BY ALL
)
SELECT g.financial_year, g.measure, g.value, b.value AS previous_year_value
FROM grid g
LEFT JOIN grid b ON b.measure = g.measure AND b.financial_year = year_before(g.financial_year);

CREATE TABLE complaint_outcomes AS
SELECT financial_year(response_date) AS financial_year, procedure, stage, service_area,
       count(*) AS concluded,
       count(*) FILTER (outcome = 'UPHELD') AS upheld,
       count(*) FILTER (outcome = 'PARTIALLY_UPHELD') AS partially_upheld,
       count(*) FILTER (outcome = 'NOT_UPHELD') AS not_upheld,
       count(*) FILTER (outcome = 'WITHDRAWN') AS withdrawn
FROM complaint_stages
WHERE response_date IS NOT NULL
GROUP BY ALL;

CREATE TABLE complaint_timeliness AS
SELECT financial_year(response_date) AS financial_year, procedure, stage, service_area,
       count(*) AS responded,
       count(*) FILTER (extension_agreed) AS extended,
       count(*) FILTER (response_date > deadline) AS outside_timescale
FROM complaint_stages
WHERE response_date IS NOT NULL
GROUP BY ALL;

CREATE TABLE complaint_themes AS
WITH per_theme AS (
  SELECT financial_year(received_date) AS financial_year, themes[1] AS theme, count(*) AS records
  FROM feedback
  WHERE feedback_type IN ('COMPLAINT', 'ENQUIRY')
  GROUP BY ALL
)
SELECT financial_year, theme, records,
       round(records / sum(records) OVER (PARTITION BY financial_year), 4) AS share
FROM per_theme;

CREATE TABLE lgo_outcomes AS
WITH lgo AS (SELECT * FROM feedback WHERE feedback_type = 'LGO_ENQUIRY'),
received AS (
  SELECT financial_year(received_date) AS financial_year, service_area, count(*) AS received
  FROM lgo GROUP BY ALL
),
decided AS (
  SELECT financial_year(response_date) AS financial_year, service_area,
         count(*) AS decided,
         count(*) FILTER (outcome = 'UPHELD') AS upheld,
         count(*) FILTER (outcome = 'PARTIALLY_UPHELD') AS partially_upheld,
         count(*) FILTER (outcome = 'NOT_UPHELD') AS not_upheld,
         count(*) FILTER (outcome = 'OUTSIDE_REMIT') AS outside_remit
  FROM lgo WHERE response_date IS NOT NULL GROUP BY ALL
)
SELECT coalesce(r.financial_year, d.financial_year) AS financial_year,
       coalesce(r.service_area, d.service_area) AS service_area,
       coalesce(r.received, 0) AS received, coalesce(d.decided, 0) AS decided,
       coalesce(d.upheld, 0) AS upheld, coalesce(d.partially_upheld, 0) AS partially_upheld,
       coalesce(d.not_upheld, 0) AS not_upheld, coalesce(d.outside_remit, 0) AS outside_remit
FROM received r
FULL OUTER JOIN decided d ON d.financial_year = r.financial_year AND d.service_area = r.service_area;

CREATE TABLE sat_complaints_vs_ehcp AS
WITH plans AS (
  SELECT financial_year(CAST(month || '-01' AS DATE)) AS financial_year,
         coalesce(sum(plans_issued), 0) AS plans_issued
  FROM ehcp_monthly GROUP BY ALL
),
sat AS (
  SELECT financial_year(received_date) AS financial_year, count(*) AS sat_complaints
  FROM feedback WHERE feedback_type = 'COMPLAINT' AND service_area = 'SAT' GROUP BY ALL
)
SELECT p.financial_year, coalesce(s.sat_complaints, 0) AS sat_complaints, p.plans_issued,
       CASE WHEN p.plans_issued > 0
            THEN round(100 * coalesce(s.sat_complaints, 0) / p.plans_issued, 1) END
         AS complaints_per_100_plans
FROM plans p LEFT JOIN sat s USING (financial_year);

CREATE TABLE commitment_followup AS
SELECT financial_year(agreed_date) AS financial_year, service_area,
       count(*) AS made,
       count(*) FILTER (owner_team IS NULL) AS without_owner,
       count(*) FILTER (due_date IS NULL) AS without_due_date,
       count(*) FILTER (completed_date IS NOT NULL) AS done,
       count(*) FILTER (completed_date > due_date) AS done_late,
       count(*) FILTER (completed_date IS NULL AND due_date < (SELECT as_at_date FROM as_at))
         AS open_overdue
FROM commitments
GROUP BY ALL;

CREATE TABLE adjustments_compliance AS
SELECT financial_year(due_date) AS financial_year, service_area,
       count(*) AS updates_due,
       count(*) FILTER (sent_date <= due_date) AS sent_on_time,
       count(*) FILTER (sent_date > due_date) AS sent_late,
       count(*) FILTER (sent_date IS NULL) AS not_sent,
       count(*) FILTER (sent_date IS NOT NULL AND NOT adjustment_met) AS adjustment_not_met
FROM updates
WHERE due_date <= (SELECT as_at_date FROM as_at)
GROUP BY ALL;
