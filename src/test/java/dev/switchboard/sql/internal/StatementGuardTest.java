package dev.switchboard.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementGuardTest {
  private final Dialect dialect = new PostgresDialect();
  private final StatementGuard guard = new StatementGuard(dialect, dialect.queryCommands(), "this tool is read-only");

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1", "select 1;", "  SELECT ';' AS semicolon", "SELECT $$ a; b $$", "SELECT 'it''s; fine'",
      "-- a comment\nSELECT 1", "/* outer /* nested */ still comment */ SELECT 1", "(SELECT 1) UNION (SELECT 2)",
      "WITH x AS (SELECT 1) SELECT * FROM x", "VALUES (1), (2)", "TABLE orders", "SHOW search_path",
      "EXPLAIN SELECT 1", "SELECT \"weird;name\" FROM t", "SELECT 1 -- ; DROP TABLE t"})
  void oneReadingStatementPasses(String sql) {
    assertThat(guard.problem(sql)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1; SELECT 2", "COMMIT; DROP TABLE t", "SELECT 1;;SELECT 2", "SELECT 1; -- trailing comment",
      "SELECT E'\\';' ; DROP TABLE t", "SELECT $a$;$a$; DROP TABLE t"})
  void severalStatementsAreRefused(String sql) {
    assertThat(guard.problem(sql)).hasValueSatisfying(m -> assertThat(m).startsWith("send one statement per call"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO t VALUES (1)", "/* hi */ DELETE FROM t", "SET TRANSACTION READ WRITE", "BEGIN",
      "START TRANSACTION READ WRITE", "COMMIT", "ROLLBACK", "END", "ABORT", "SAVEPOINT s",
      "RESET ALL", "DISCARD ALL", "PREPARE TRANSACTION 'x'", "DO $$ BEGIN END $$", "CALL p()",
      "LISTEN x", "LOCK TABLE t", "'SELECT'", "\"SELECT\" 1"})
  void otherStatementsAreRefusedAsReadOnly(String sql) {
    assertThat(guard.problem(sql)).hasValueSatisfying(m -> assertThat(m).startsWith("this tool is read-only: "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "-- nothing", "/* nothing */ \n"})
  void emptyStatementsAreRefused(String sql) {
    assertThat(guard.problem(sql)).contains("the statement is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM t INTO OUTFILE '/tmp/x'", "select 1 into\n dumpfile '/tmp/y'",
      "SELECT a INTO   OutFile '/tmp/z' FROM t"})
  void queriesWritingFilesOnTheServerAreRefused(String sql) {
    assertThat(guard.problem(sql)).hasValueSatisfying(m -> assertThat(m).contains("INTO OUTFILE"));
  }
}
