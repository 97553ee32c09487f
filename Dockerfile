# The hrkg API for docker-compose.yml: `hrkg init-db` then `hrkg serve` against the neo4j service.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml constraints.txt README.md ./
COPY hrkg ./hrkg
COPY ontology ./ontology
COPY graph ./graph
COPY ingest ./ingest
COPY api ./api
COPY cypher ./cypher
COPY examples ./examples
RUN pip install --no-cache-dir -c constraints.txt . \
    && useradd --create-home hrkg
USER hrkg
EXPOSE 8000
CMD ["sh", "-c", "hrkg init-db && hrkg serve --host 0.0.0.0 --port 8000"]
