from hrkg.cli import app

app()
