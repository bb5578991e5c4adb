import os

import MySQLdb
import psycopg
import redis
from pymemcache.client.base import Client


def remember(key, value):
    with psycopg.connect() as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS kv (k text PRIMARY KEY, v text)")
        conn.execute("INSERT INTO kv VALUES (%s, %s) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v", (key, value))
    db = MySQLdb.connect(user="drill", database="drill", unix_socket=os.environ["MYSQL_UNIX_PORT"])
    try:
        cur = db.cursor()
        cur.execute("CREATE TABLE IF NOT EXISTS kv (k varchar(100) PRIMARY KEY, v text)")
        cur.execute("REPLACE INTO kv VALUES (%s, %s)", (key, value))
        db.commit()
    finally:
        db.close()
    redis.Redis.from_url(os.environ["REDIS_URL"]).set(key, value)
    host, port = os.environ["MEMCACHED_SERVERS"].split(":")
    Client((host, int(port))).set(key, value)


def try_superuser():
    """What the learner's code gets when it reaches for more than the drill
    accounts: each attempt's error, as text."""
    out = {}
    try:
        psycopg.connect(user="service", dbname="postgres").close()
        out["postgres service"] = "connected"
    except psycopg.Error as e:
        out["postgres service"] = str(e)
    try:
        with psycopg.connect() as conn:
            conn.execute("COPY (SELECT 1) TO PROGRAM 'id'")
        out["postgres program"] = "ran"
    except psycopg.Error as e:
        out["postgres program"] = str(e)
    try:
        db = MySQLdb.connect(user="drill", database="drill", unix_socket=os.environ["MYSQL_UNIX_PORT"])
        db.cursor().execute("SELECT 1 INTO OUTFILE '/srv/run/x'")
        out["mariadb file"] = "wrote"
    except MySQLdb.Error as e:
        out["mariadb file"] = str(e)
    try:
        redis.Redis.from_url(os.environ["REDIS_URL"]).config_set("dir", "/srv/run")
        out["redis config"] = "set"
    except redis.RedisError as e:
        out["redis config"] = str(e)
    return out
