ALTER TABLE `attempts` ADD `question_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `retry_of` text;--> statement-breakpoint
ALTER TABLE `quizzes` ADD `create_request_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `quizzes_create_request_id_unique` ON `quizzes` (`create_request_id`);--> statement-breakpoint
CREATE INDEX `quizzes_educator_key_hash` ON `quizzes` (`educator_key_hash`);