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
