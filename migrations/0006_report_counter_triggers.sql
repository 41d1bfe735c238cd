-- The report counters (worker/db/schema.ts, "Report counters"), kept by triggers in the same
-- transaction as every write to attempts and responses; worker/reports/counters.ts reads them.
-- Keys: retry = (retry_of is not null), day = started_at / 86400000, a missing score or max score
-- is -1, a filter value is '' for none and '=' || value otherwise.

-- Time to answer for the responses stored so far: from the attempt's previous answer, or its start.
UPDATE `responses` SET `ms_to_answer` = d.ms FROM (
  SELECT r.rowid AS rid, max(0, r.answered_at - coalesce(
    lag(r.answered_at) OVER (PARTITION BY r.attempt_id ORDER BY r.answered_at, r.question_id),
    a.started_at)) AS ms
  FROM responses r JOIN attempts a ON a.id = r.attempt_id
) d WHERE responses.rowid = d.rid;
--> statement-breakpoint
INSERT INTO report_choice_counts (quiz_id, retry, question_id, choice_id, responses, correct)
SELECT r.quiz_id, a.retry_of IS NOT NULL, r.question_id, r.choice_id, count(*), sum(r.correct)
FROM responses r JOIN attempts a ON a.id = r.attempt_id
GROUP BY r.quiz_id, a.retry_of IS NOT NULL, r.question_id, r.choice_id;
--> statement-breakpoint
INSERT INTO report_answer_seconds (quiz_id, retry, question_id, second, responses)
SELECT r.quiz_id, a.retry_of IS NOT NULL, r.question_id, r.ms_to_answer / 1000, count(*)
FROM responses r JOIN attempts a ON a.id = r.attempt_id
GROUP BY r.quiz_id, a.retry_of IS NOT NULL, r.question_id, r.ms_to_answer / 1000;
--> statement-breakpoint
INSERT INTO report_score_items (quiz_id, retry, score, day, question_id, responses, correct)
SELECT r.quiz_id, a.retry_of IS NOT NULL, coalesce(a.score, -1), a.started_at / 86400000,
  r.question_id, count(*), sum(r.correct)
FROM responses r JOIN attempts a ON a.id = r.attempt_id
WHERE a.finished_at IS NOT NULL
GROUP BY r.quiz_id, a.retry_of IS NOT NULL, coalesce(a.score, -1), a.started_at / 86400000,
  r.question_id;
--> statement-breakpoint
INSERT INTO report_attempt_counts (quiz_id, retry, day, finished, score, max_score, attempts)
SELECT quiz_id, retry_of IS NOT NULL, started_at / 86400000, finished_at IS NOT NULL,
  coalesce(score, -1), coalesce(max_score, -1), count(*)
FROM attempts
GROUP BY quiz_id, retry_of IS NOT NULL, started_at / 86400000, finished_at IS NOT NULL,
  coalesce(score, -1), coalesce(max_score, -1);
--> statement-breakpoint
INSERT INTO report_filter_counts (quiz_id, kind, value_key, attempts)
SELECT quiz_id, 'group', coalesce('=' || group_name, ''), count(*) FROM attempts
GROUP BY quiz_id, coalesce('=' || group_name, '');
--> statement-breakpoint
INSERT INTO report_filter_counts (quiz_id, kind, value_key, attempts)
SELECT quiz_id, 'page', coalesce('=' || page_url, ''), count(*) FROM attempts
GROUP BY quiz_id, coalesce('=' || page_url, '');
--> statement-breakpoint
-- An attempt keeps its quiz and round, and a stored answer never changes (its time to answer is
-- only ever filled in): the counters, and the worker's per-isolate note of an attempt's quiz
-- (worker/db/lookups.ts), rely on it.
CREATE TRIGGER attempts_keep_quiz BEFORE UPDATE OF quiz_id, retry_of ON attempts
WHEN new.quiz_id IS NOT old.quiz_id OR new.retry_of IS NOT old.retry_of
BEGIN
  SELECT RAISE(ABORT, 'an attempt keeps its quiz and its round');
END;
--> statement-breakpoint
CREATE TRIGGER responses_keep_answer BEFORE UPDATE ON responses
WHEN new.attempt_id IS NOT old.attempt_id OR new.quiz_id IS NOT old.quiz_id
  OR new.question_id IS NOT old.question_id OR new.choice_id IS NOT old.choice_id
  OR new.correct IS NOT old.correct
  OR (old.ms_to_answer IS NOT NULL AND new.ms_to_answer IS NOT old.ms_to_answer)
BEGIN
  SELECT RAISE(ABORT, 'a stored answer never changes');
END;
--> statement-breakpoint
CREATE TRIGGER attempts_counted AFTER INSERT ON attempts
BEGIN
  INSERT INTO report_attempt_counts (quiz_id, retry, day, finished, score, max_score, attempts)
  VALUES (new.quiz_id, new.retry_of IS NOT NULL, new.started_at / 86400000,
    new.finished_at IS NOT NULL, coalesce(new.score, -1), coalesce(new.max_score, -1), 1)
  ON CONFLICT (quiz_id, retry, day, finished, score, max_score)
  DO UPDATE SET attempts = attempts + 1;
  INSERT INTO report_filter_counts (quiz_id, kind, value_key, attempts)
  VALUES (new.quiz_id, 'group', coalesce('=' || new.group_name, ''), 1),
    (new.quiz_id, 'page', coalesce('=' || new.page_url, ''), 1)
  ON CONFLICT (quiz_id, kind, value_key) DO UPDATE SET attempts = attempts + 1;
END;
--> statement-breakpoint
-- Finishing (or any change of the start, finish or score) moves the attempt, and its responses'
-- share of the score items, from the old key to the new one.
CREATE TRIGGER attempts_recounted AFTER UPDATE OF started_at, finished_at, score, max_score ON attempts
BEGIN
  UPDATE report_attempt_counts SET attempts = attempts - 1
  WHERE quiz_id = old.quiz_id AND retry = (old.retry_of IS NOT NULL)
    AND day = old.started_at / 86400000 AND finished = (old.finished_at IS NOT NULL)
    AND score = coalesce(old.score, -1) AND max_score = coalesce(old.max_score, -1);
  INSERT INTO report_attempt_counts (quiz_id, retry, day, finished, score, max_score, attempts)
  VALUES (new.quiz_id, new.retry_of IS NOT NULL, new.started_at / 86400000,
    new.finished_at IS NOT NULL, coalesce(new.score, -1), coalesce(new.max_score, -1), 1)
  ON CONFLICT (quiz_id, retry, day, finished, score, max_score)
  DO UPDATE SET attempts = attempts + 1;
  UPDATE report_score_items SET responses = responses - 1,
    correct = correct - (SELECT r.correct FROM responses r
      WHERE r.attempt_id = old.id AND r.question_id = report_score_items.question_id)
  WHERE old.finished_at IS NOT NULL AND quiz_id = old.quiz_id
    AND retry = (old.retry_of IS NOT NULL) AND score = coalesce(old.score, -1)
    AND day = old.started_at / 86400000
    AND question_id IN (SELECT question_id FROM responses WHERE attempt_id = old.id);
  INSERT INTO report_score_items (quiz_id, retry, score, day, question_id, responses, correct)
  SELECT new.quiz_id, new.retry_of IS NOT NULL, coalesce(new.score, -1), new.started_at / 86400000,
    r.question_id, 1, r.correct
  FROM responses r WHERE r.attempt_id = new.id AND new.finished_at IS NOT NULL
  ON CONFLICT (quiz_id, retry, score, day, question_id)
  DO UPDATE SET responses = responses + 1, correct = correct + excluded.correct;
END;
--> statement-breakpoint
CREATE TRIGGER attempts_refiled AFTER UPDATE OF group_name, page_url ON attempts
BEGIN
  UPDATE report_filter_counts SET attempts = attempts - 1
  WHERE quiz_id = old.quiz_id
    AND ((kind = 'group' AND value_key = coalesce('=' || old.group_name, ''))
      OR (kind = 'page' AND value_key = coalesce('=' || old.page_url, '')));
  INSERT INTO report_filter_counts (quiz_id, kind, value_key, attempts)
  VALUES (new.quiz_id, 'group', coalesce('=' || new.group_name, ''), 1),
    (new.quiz_id, 'page', coalesce('=' || new.page_url, ''), 1)
  ON CONFLICT (quiz_id, kind, value_key) DO UPDATE SET attempts = attempts + 1;
END;
--> statement-breakpoint
-- Before the attempt goes, it takes its responses' counts with it: the responses a cascade then
-- deletes find no attempt and count nothing more (responses_uncounted).
CREATE TRIGGER attempts_uncounted BEFORE DELETE ON attempts
BEGIN
  UPDATE report_attempt_counts SET attempts = attempts - 1
  WHERE quiz_id = old.quiz_id AND retry = (old.retry_of IS NOT NULL)
    AND day = old.started_at / 86400000 AND finished = (old.finished_at IS NOT NULL)
    AND score = coalesce(old.score, -1) AND max_score = coalesce(old.max_score, -1);
  UPDATE report_filter_counts SET attempts = attempts - 1
  WHERE quiz_id = old.quiz_id
    AND ((kind = 'group' AND value_key = coalesce('=' || old.group_name, ''))
      OR (kind = 'page' AND value_key = coalesce('=' || old.page_url, '')));
  UPDATE report_choice_counts SET responses = responses - 1,
    correct = correct - (SELECT r.correct FROM responses r
      WHERE r.attempt_id = old.id AND r.question_id = report_choice_counts.question_id)
  WHERE quiz_id = old.quiz_id AND retry = (old.retry_of IS NOT NULL)
    AND (question_id, choice_id) IN
      (SELECT question_id, choice_id FROM responses WHERE attempt_id = old.id);
  UPDATE report_answer_seconds SET responses = responses - 1
  WHERE quiz_id = old.quiz_id AND retry = (old.retry_of IS NOT NULL)
    AND (question_id, second) IN
      (SELECT question_id, ms_to_answer / 1000 FROM responses WHERE attempt_id = old.id);
  UPDATE report_score_items SET responses = responses - 1,
    correct = correct - (SELECT r.correct FROM responses r
      WHERE r.attempt_id = old.id AND r.question_id = report_score_items.question_id)
  WHERE old.finished_at IS NOT NULL AND quiz_id = old.quiz_id
    AND retry = (old.retry_of IS NOT NULL) AND score = coalesce(old.score, -1)
    AND day = old.started_at / 86400000
    AND question_id IN (SELECT question_id FROM responses WHERE attempt_id = old.id);
END;
--> statement-breakpoint
-- A new response: its time to answer when it came without one (set-based inserts, fixtures),
-- then its choice, its second and, for an attempt already finished, its score item.
CREATE TRIGGER responses_counted AFTER INSERT ON responses
BEGIN
  UPDATE responses SET ms_to_answer = max(0, new.answered_at - coalesce(
      (SELECT max(p.answered_at) FROM responses p
        WHERE p.quiz_id = new.quiz_id AND p.attempt_id = new.attempt_id
          AND (p.answered_at < new.answered_at
            OR (p.answered_at = new.answered_at AND p.question_id < new.question_id))),
      (SELECT a.started_at FROM attempts a WHERE a.id = new.attempt_id)))
  WHERE new.ms_to_answer IS NULL AND rowid = new.rowid;
  INSERT INTO report_choice_counts (quiz_id, retry, question_id, choice_id, responses, correct)
  SELECT new.quiz_id, a.retry_of IS NOT NULL, new.question_id, new.choice_id, 1, new.correct
  FROM attempts a WHERE a.id = new.attempt_id
  ON CONFLICT (quiz_id, retry, question_id, choice_id)
  DO UPDATE SET responses = responses + 1, correct = correct + excluded.correct;
  INSERT INTO report_answer_seconds (quiz_id, retry, question_id, second, responses)
  SELECT new.quiz_id, a.retry_of IS NOT NULL, new.question_id, r.ms_to_answer / 1000, 1
  FROM attempts a, responses r WHERE a.id = new.attempt_id AND r.rowid = new.rowid
  ON CONFLICT (quiz_id, retry, question_id, second) DO UPDATE SET responses = responses + 1;
  INSERT INTO report_score_items (quiz_id, retry, score, day, question_id, responses, correct)
  SELECT new.quiz_id, a.retry_of IS NOT NULL, coalesce(a.score, -1), a.started_at / 86400000,
    new.question_id, 1, new.correct
  FROM attempts a WHERE a.id = new.attempt_id AND a.finished_at IS NOT NULL
  ON CONFLICT (quiz_id, retry, score, day, question_id)
  DO UPDATE SET responses = responses + 1, correct = correct + excluded.correct;
END;
--> statement-breakpoint
-- A response deleted on its own (a learner's erasure, a deleted question): its counts go with it.
CREATE TRIGGER responses_uncounted AFTER DELETE ON responses
WHEN EXISTS (SELECT 1 FROM attempts WHERE id = old.attempt_id)
BEGIN
  UPDATE report_choice_counts SET responses = responses - 1, correct = correct - old.correct
  WHERE quiz_id = old.quiz_id AND question_id = old.question_id AND choice_id = old.choice_id
    AND retry = (SELECT retry_of IS NOT NULL FROM attempts WHERE id = old.attempt_id);
  UPDATE report_answer_seconds SET responses = responses - 1
  WHERE quiz_id = old.quiz_id AND question_id = old.question_id
    AND second = old.ms_to_answer / 1000
    AND retry = (SELECT retry_of IS NOT NULL FROM attempts WHERE id = old.attempt_id);
  UPDATE report_score_items SET responses = responses - 1, correct = correct - old.correct
  WHERE quiz_id = old.quiz_id AND question_id = old.question_id
    AND (retry, score, day) = (SELECT retry_of IS NOT NULL, coalesce(score, -1),
      started_at / 86400000 FROM attempts WHERE id = old.attempt_id AND finished_at IS NOT NULL);
END;
