// API: the cheapest read that proves the database answers (GET /health). No parameters.
RETURN 1 AS ok
