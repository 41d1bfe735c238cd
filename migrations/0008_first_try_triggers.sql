-- The Retention section's first tries (worker/reports/retention.ts), kept like the report
-- counters of 0006 by triggers in the same transaction as every write. first_tries holds each
-- learner's first try at each question: their earliest response to it over all their attempts of
-- the quiz, by answer time, then storage order (a later response never displaces an earlier one,
-- and a response is stored after every other, so a tie keeps the one stored first).
-- first_try_counts and first_try_learners count them, so the section over a whole quiz reads a few
-- rows however many responses it has. Attempts without a learner have no first tries.

INSERT INTO first_tries (quiz_id, learner_id, question_id, attempt_id, answered_at, correct)
SELECT quiz_id, learner_id, question_id, attempt_id, answered_at, correct FROM (
  SELECT r.quiz_id, a.learner_id, r.question_id, r.attempt_id, r.answered_at, r.correct,
    row_number() OVER (
      PARTITION BY r.quiz_id, a.learner_id, r.question_id ORDER BY r.answered_at, r.rowid) AS k
  FROM responses r JOIN attempts a ON a.id = r.attempt_id
  WHERE a.learner_id IS NOT NULL)
WHERE k = 1;
--> statement-breakpoint
INSERT INTO first_try_counts (quiz_id, question_id, learners, correct)
SELECT quiz_id, question_id, count(*), sum(correct) FROM first_tries GROUP BY quiz_id, question_id;
--> statement-breakpoint
INSERT INTO first_try_learners (quiz_id, learners)
SELECT quiz_id, count(DISTINCT learner_id) FROM first_tries GROUP BY quiz_id;
--> statement-breakpoint
-- The counters follow first_tries.
CREATE TRIGGER first_tries_counted AFTER INSERT ON first_tries
BEGIN
  INSERT INTO first_try_counts (quiz_id, question_id, learners, correct)
  VALUES (new.quiz_id, new.question_id, 1, new.correct)
  ON CONFLICT (quiz_id, question_id)
  DO UPDATE SET learners = learners + 1, correct = correct + excluded.correct;
  INSERT INTO first_try_learners (quiz_id, learners)
  SELECT new.quiz_id, 1 WHERE NOT EXISTS (
    SELECT 1 FROM first_tries
    WHERE quiz_id = new.quiz_id AND learner_id = new.learner_id AND question_id <> new.question_id)
  ON CONFLICT (quiz_id) DO UPDATE SET learners = learners + 1;
END;
--> statement-breakpoint
CREATE TRIGGER first_tries_recounted AFTER UPDATE OF correct ON first_tries
WHEN new.correct IS NOT old.correct
BEGIN
  UPDATE first_try_counts SET correct = correct + new.correct - old.correct
  WHERE quiz_id = new.quiz_id AND question_id = new.question_id;
END;
--> statement-breakpoint
CREATE TRIGGER first_tries_uncounted AFTER DELETE ON first_tries
BEGIN
  UPDATE first_try_counts SET learners = learners - 1, correct = correct - old.correct
  WHERE quiz_id = old.quiz_id AND question_id = old.question_id;
  UPDATE first_try_learners SET learners = learners - 1
  WHERE quiz_id = old.quiz_id AND NOT EXISTS (
    SELECT 1 FROM first_tries WHERE quiz_id = old.quiz_id AND learner_id = old.learner_id);
END;
--> statement-breakpoint
-- A learner's new response is their first try unless an earlier one is stored (an answer stored
-- late, as an import may, takes the place of a later one).
CREATE TRIGGER responses_first_try AFTER INSERT ON responses
WHEN (SELECT learner_id FROM attempts WHERE id = new.attempt_id) IS NOT NULL
BEGIN
  INSERT INTO first_tries (quiz_id, learner_id, question_id, attempt_id, answered_at, correct)
  SELECT new.quiz_id, a.learner_id, new.question_id, new.attempt_id, new.answered_at, new.correct
  FROM attempts a WHERE a.id = new.attempt_id
  ON CONFLICT (quiz_id, learner_id, question_id) DO UPDATE SET
    attempt_id = excluded.attempt_id, answered_at = excluded.answered_at, correct = excluded.correct
  WHERE excluded.answered_at < first_tries.answered_at;
END;
--> statement-breakpoint
-- A first try deleted on its own (a deleted question, a learner's erasure) or whose time moved
-- (an operator's correction): the question's first try is chosen again from the learner's
-- responses to it. (Deleted with its attempt, it is handled before the attempt goes, below.)
CREATE TRIGGER responses_first_try_uncounted AFTER DELETE ON responses
WHEN EXISTS (
  SELECT 1 FROM first_tries f JOIN attempts a ON a.id = old.attempt_id
  WHERE f.quiz_id = old.quiz_id AND f.learner_id = a.learner_id
    AND f.question_id = old.question_id AND f.attempt_id = old.attempt_id)
BEGIN
  DELETE FROM first_tries
  WHERE quiz_id = old.quiz_id AND question_id = old.question_id
    AND learner_id = (SELECT learner_id FROM attempts WHERE id = old.attempt_id);
  INSERT INTO first_tries (quiz_id, learner_id, question_id, attempt_id, answered_at, correct)
  SELECT p.quiz_id, pa.learner_id, p.question_id, p.attempt_id, p.answered_at, p.correct
  FROM attempts pa JOIN responses p ON p.attempt_id = pa.id
  WHERE pa.quiz_id = old.quiz_id AND p.question_id = old.question_id
    AND pa.learner_id = (SELECT learner_id FROM attempts WHERE id = old.attempt_id)
  ORDER BY p.answered_at, p.rowid LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER responses_first_try_moved AFTER UPDATE OF answered_at ON responses
WHEN new.answered_at IS NOT old.answered_at
  AND (SELECT learner_id FROM attempts WHERE id = new.attempt_id) IS NOT NULL
BEGIN
  DELETE FROM first_tries
  WHERE quiz_id = new.quiz_id AND question_id = new.question_id
    AND learner_id = (SELECT learner_id FROM attempts WHERE id = new.attempt_id);
  INSERT INTO first_tries (quiz_id, learner_id, question_id, attempt_id, answered_at, correct)
  SELECT p.quiz_id, pa.learner_id, p.question_id, p.attempt_id, p.answered_at, p.correct
  FROM attempts pa JOIN responses p ON p.attempt_id = pa.id
  WHERE pa.quiz_id = new.quiz_id AND p.question_id = new.question_id
    AND pa.learner_id = (SELECT learner_id FROM attempts WHERE id = new.attempt_id)
  ORDER BY p.answered_at, p.rowid LIMIT 1;
END;
--> statement-breakpoint
-- An attempt deleted (a cascade then takes its responses) or made anonymous (its learner id
-- removed): each of its first tries passes to the learner's earliest response to the question in
-- another attempt, if any.
CREATE TRIGGER attempts_first_tries_moved BEFORE DELETE ON attempts
WHEN old.learner_id IS NOT NULL
BEGIN
  DELETE FROM first_tries
  WHERE quiz_id = old.quiz_id AND learner_id = old.learner_id AND attempt_id = old.id;
  INSERT INTO first_tries (quiz_id, learner_id, question_id, attempt_id, answered_at, correct)
  SELECT p.quiz_id, pa.learner_id, p.question_id, p.attempt_id, p.answered_at, p.correct
  FROM attempts pa JOIN responses p ON p.attempt_id = pa.id
  WHERE pa.quiz_id = old.quiz_id AND pa.learner_id = old.learner_id AND pa.id <> old.id
    AND p.question_id IN (SELECT question_id FROM responses WHERE attempt_id = old.id)
  ORDER BY p.answered_at, p.rowid
  ON CONFLICT (quiz_id, learner_id, question_id) DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER attempts_first_tries_anonymised BEFORE UPDATE OF learner_id ON attempts
WHEN old.learner_id IS NOT NULL AND new.learner_id IS NULL
BEGIN
  DELETE FROM first_tries
  WHERE quiz_id = old.quiz_id AND learner_id = old.learner_id AND attempt_id = old.id;
  INSERT INTO first_tries (quiz_id, learner_id, question_id, attempt_id, answered_at, correct)
  SELECT p.quiz_id, pa.learner_id, p.question_id, p.attempt_id, p.answered_at, p.correct
  FROM attempts pa JOIN responses p ON p.attempt_id = pa.id
  WHERE pa.quiz_id = old.quiz_id AND pa.learner_id = old.learner_id AND pa.id <> old.id
    AND p.question_id IN (SELECT question_id FROM responses WHERE attempt_id = old.id)
  ORDER BY p.answered_at, p.rowid
  ON CONFLICT (quiz_id, learner_id, question_id) DO NOTHING;
END;
--> statement-breakpoint
-- Giving an attempt a learner, or another one, would need its responses weighed against theirs:
-- an attempt's learner is only ever removed.
CREATE TRIGGER attempts_keep_learner BEFORE UPDATE OF learner_id ON attempts
WHEN new.learner_id IS NOT NULL AND new.learner_id IS NOT old.learner_id
BEGIN
  SELECT RAISE(ABORT, 'an attempt keeps its learner (it may only be removed)');
END;
