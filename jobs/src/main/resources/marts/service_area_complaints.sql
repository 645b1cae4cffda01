-- service_area_complaints: the report's Graph 3 as it prints it, one bar per service area:
-- complaints_by_service_area added up over procedure and stage. A mart of its own so that the public
-- release can show each service area's total (disclosure control protects it with the cells under it)
-- where a sum of suppressed cells could only be c.
SELECT financial_year, service_area, service_area_name, report_group, send_service, sum(received) AS received
FROM complaints_by_service_area
GROUP BY financial_year, service_area, service_area_name, report_group, send_service
