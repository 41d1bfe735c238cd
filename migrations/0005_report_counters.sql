CREATE TABLE `report_answer_seconds` (
	`quiz_id` integer NOT NULL,
	`retry` integer NOT NULL,
	`question_id` text NOT NULL,
	`second` integer NOT NULL,
	`responses` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `retry`, `question_id`, `second`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_attempt_counts` (
	`quiz_id` integer NOT NULL,
	`retry` integer NOT NULL,
	`day` integer NOT NULL,
	`finished` integer NOT NULL,
	`score` integer NOT NULL,
	`max_score` integer NOT NULL,
	`attempts` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `retry`, `day`, `finished`, `score`, `max_score`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_choice_counts` (
	`quiz_id` integer NOT NULL,
	`retry` integer NOT NULL,
	`question_id` text NOT NULL,
	`choice_id` text NOT NULL,
	`responses` integer NOT NULL,
	`correct` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `retry`, `question_id`, `choice_id`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_filter_counts` (
	`quiz_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value_key` text NOT NULL,
	`attempts` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `kind`, `value_key`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_score_items` (
	`quiz_id` integer NOT NULL,
	`retry` integer NOT NULL,
	`score` integer NOT NULL,
	`day` integer NOT NULL,
	`question_id` text NOT NULL,
	`responses` integer NOT NULL,
	`correct` integer NOT NULL,
	PRIMARY KEY(`quiz_id`, `retry`, `score`, `day`, `question_id`),
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `responses_quiz_question`;--> statement-breakpoint
ALTER TABLE `responses` ADD `ms_to_answer` integer;--> statement-breakpoint
CREATE INDEX `responses_quiz_question_time` ON `responses` (`quiz_id`,`question_id`,`ms_to_answer`);