CREATE TABLE `attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`quiz_id` integer NOT NULL,
	`learner_id` text,
	`learner_name` text,
	`group_name` text,
	`page_url` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`score` integer,
	`max_score` integer,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempts_quiz_started` ON `attempts` (`quiz_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `attempts_learner` ON `attempts` (`learner_id`);--> statement-breakpoint
CREATE TABLE `educator_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`quiz_id` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `educator_sessions_expires` ON `educator_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `questions` (
	`quiz_id` integer NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`prompt` text NOT NULL,
	`choices` text NOT NULL,
	`answer` text NOT NULL,
	`explanation` text NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	PRIMARY KEY(`quiz_id`, `id`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `questions_quiz_position` ON `questions` (`quiz_id`,`position`);--> statement-breakpoint
CREATE TABLE `quizzes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`source_url` text,
	`article_hash` text NOT NULL,
	`article` text DEFAULT '' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`educator_key_hash` text,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "quizzes_status_check" CHECK("quizzes"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quizzes_slug_unique` ON `quizzes` (`slug`);--> statement-breakpoint
CREATE TABLE `responses` (
	`attempt_id` text NOT NULL,
	`quiz_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`choice_id` text NOT NULL,
	`correct` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`,`question_id`) REFERENCES `questions`(`quiz_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `responses_quiz_question` ON `responses` (`quiz_id`,`question_id`);