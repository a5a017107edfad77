# The annual report, its template and workflow arrive with the reporting issue.
