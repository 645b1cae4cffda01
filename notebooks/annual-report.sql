-- The annual report's figures from the published marts. Run one query at a time:
--   bin/ccft sql --warehouse demo/warehouse "$(sed -n '/^-- at a glance/,/;/p' notebooks/annual-report.sql | grep -v '^--' | tr -d ';')"
-- or paste them into any Spark SQL session where the marts are registered.

-- at a glance: the front page, with the year before
SELECT measure, value, previous_year_value FROM at_a_glance WHERE financial_year = '2022-23';

-- complaints received across all stages (the report: 456)
SELECT financial_year, sum(value) AS complaints FROM at_a_glance
WHERE measure LIKE 'statutory_stage%' OR measure LIKE 'corporate_stage%' GROUP BY financial_year ORDER BY 1;

-- outcomes of complaints concluded in the year, as shares (the report: 42% partially upheld, 25% upheld)
SELECT financial_year, sum(concluded) AS concluded,
       round(sum(partially_upheld) / sum(concluded), 2) AS partially_upheld,
       round(sum(upheld) / sum(concluded), 2) AS upheld
FROM complaint_outcomes GROUP BY financial_year ORDER BY 1;

-- timeliness (the report: 459 responded, 176 extended, 166 outside timescale)
SELECT financial_year, sum(responded) AS responded, sum(extended) AS extended,
       sum(outside_timescale) AS outside_timescale,
       round(sum(outside_timescale) / sum(responded), 2) AS share_outside
FROM complaint_timeliness GROUP BY financial_year ORDER BY 1;


-- primary themes of complaints and enquiries (the report: plans 34%, communication 23%)
SELECT theme, records, share FROM complaint_themes WHERE financial_year = '2022-23' ORDER BY records DESC;

-- ombudsman enquiries received and decided (the report: 29 received; decided 1 / 3 / 5 / 14)
SELECT financial_year, sum(received) AS received, sum(decided) AS decided, sum(not_upheld) AS not_upheld,
       sum(partially_upheld) AS partially_upheld, sum(upheld) AS upheld, sum(outside_remit) AS outside_remit
FROM lgo_outcomes GROUP BY financial_year ORDER BY 1;

-- Graph 4: SAT complaints against EHC plans issued
SELECT * FROM sat_complaints_vs_ehcp ORDER BY financial_year;

-- ---- the rest of the report, the SEND tracker and the team's lists (issue 4's marts)

-- the complaints page in one row (456 received, 459 concluded, 42% / 25%, 10% reopened, 42 / 37, 176, 166 = 36%)
SELECT * FROM complaints_summary WHERE financial_year = '2022-23';

-- graph 1: feedback by quarter
SELECT quarter, measure, records FROM feedback_by_quarter WHERE financial_year = '2022-23' AND records > 0
ORDER BY quarter, measure;

-- graph 3: complaints by service area (SAT 190, IFD / assessment 85)
SELECT service_area_name, sum(received) AS complaints FROM complaints_by_service_area
WHERE financial_year = '2022-23' GROUP BY service_area_name ORDER BY 2 DESC;

-- graph 5: six years by stage, received and worked on
SELECT financial_year, procedure, stage, received, worked_on, send_worked_on FROM complaint_stage_trends
ORDER BY procedure, stage, financial_year;

-- the ombudsman: worked with 38, carried in 9, open at the year end 15, decided 23; plans 43% of decisions
SELECT sum(worked_with), sum(carried_in), sum(open_at_year_end), sum(decided) FROM lgo_caseload
WHERE financial_year = '2022-23';
SELECT theme, decided, share FROM lgo_decisions_by_theme WHERE financial_year = '2022-23' ORDER BY decided DESC;

-- compliments by the report's groups (SEND 98, Targeted Support 81)
SELECT report_group, sum(compliments) FROM compliments_by_service_area WHERE financial_year = '2022-23'
GROUP BY report_group ORDER BY 2 DESC;

-- the SEND tracker: SAT complaints per 100 plans, month by month and over 12 months
SELECT month, plans_issued, sat_complaints, complaints_per_100_plans, complaints_per_100_plans_12m
FROM ehcp_monthly_performance ORDER BY month;

-- the council against England, its region and every council (rank 1 = the highest)
SELECT calendar_year, measure, value, region_value, england_value, rank, councils_ranked
FROM ehcp_benchmark WHERE is_council ORDER BY measure, calendar_year;

-- is it improving? points that are special causes on the XmR charts
SELECT measure, month, value, mean, lower_process_limit, upper_process_limit, variation
FROM spc_xmr WHERE special_cause ORDER BY measure, month;

-- today's lists for the complaints team
SELECT * FROM complaint_worklist WHERE due IN ('OVERDUE', 'DUE_THIS_WEEK') ORDER BY working_days_left;
SELECT * FROM commitments_outstanding ORDER BY days_overdue DESC;
SELECT * FROM adjustments_by_complainant WHERE repeated_misses ORDER BY misses DESC;
