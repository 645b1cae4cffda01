-- complainants: who complained. Complaint rows received in the year by the complainant's role, with how
-- many came from non-resident parents and how many had an advocate (and which).
SELECT financial_year(received_date)                                AS financial_year,
       complainant_role,
       count(*)                                                     AS complaints,
       count_if(non_resident_parent)                                AS non_resident_parent,
       count_if(with_advocate)                                      AS with_advocate,
       count_if(advocate = 'NYAS')                                  AS advocate_nyas,
       count_if(advocate = 'VOICEABILITY')                          AS advocate_voiceability,
       count_if(advocate = 'OTHER')                                 AS advocate_other
FROM complaint_stages
GROUP BY 1, 2
