CREATE TABLE `first_tries` (
	`quiz_id` integer NOT NULL,
	`learner_id` text NOT NULL,
	`question_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`answered_at` integer NOT NULL,
	`correct` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `learner_id`, `question_id`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `first_try_counts` (
	`quiz_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`learners` integer NOT NULL,
	`correct` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `question_id`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `first_try_learners` (
	`quiz_id` integer PRIMARY KEY NOT NULL,
	`learners` integer NOT NULL,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
