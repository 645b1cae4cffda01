-- complaints_by_service_area: the report's Graph 3. Complaint rows (every stage, both procedures)
-- received in the year, by service area, with its name, the report's grouping and whether it is part of
-- the SEND service.
SELECT financial_year(c.received_date) AS financial_year,
       c.service_area, a.name AS service_area_name, a.report_group, a.send_service,
       c.procedure, c.stage,
       count(*) AS received
FROM feedback_records c
JOIN service_areas a ON a.code = c.service_area
WHERE c.feedback_type = 'COMPLAINT'
GROUP BY 1, 2, 3, 4, 5, 6, 7
