CREATE TABLE `review_answers` (
	`learner_id` text NOT NULL,
	`quiz_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`review_number` integer NOT NULL,
	`choice_id` text NOT NULL,
	`correct` integer NOT NULL,
	`reviewed_at` integer NOT NULL,
	`next_due_at` integer NOT NULL,
	PRIMARY KEY(`learner_id`, `quiz_id`, `question_id`, `review_number`),
	FOREIGN KEY (`quiz_id`,`question_id`) REFERENCES `questions`(`quiz_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_answers_quiz_question` ON `review_answers` (`quiz_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `review_cards` (
	`learner_id` text NOT NULL,
	`quiz_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`card` text NOT NULL,
	`due_at` integer NOT NULL,
	`reviews` integer NOT NULL,
	`last_reviewed_at` integer NOT NULL,
	`last_choice_id` text NOT NULL,
	`last_correct` integer NOT NULL,
	PRIMARY KEY(`learner_id`, `quiz_id`, `question_id`),
	FOREIGN KEY (`quiz_id`,`question_id`) REFERENCES `questions`(`quiz_id`,`id`) ON UPDATE no action ON DELETE cascade
);
