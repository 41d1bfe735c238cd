CREATE TABLE `site_pages` (
	`site_id` text NOT NULL,
	`url` text NOT NULL,
	`quiz_id` integer,
	`checked_at` integer,
	`failure_status` integer,
	`failure_code` text,
	`failure_message` text,
	`failed_at` integer,
	PRIMARY KEY(`site_id`, `url`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`name` text NOT NULL,
	`policy` text DEFAULT 'publish' NOT NULL,
	`question_count` integer,
	`locale` text DEFAULT 'en' NOT NULL,
	`site_key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "sites_policy_check" CHECK("sites"."policy" in ('publish', 'review'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_origin_unique` ON `sites` (`origin`);--> statement-breakpoint
CREATE INDEX `sites_site_key_hash` ON `sites` (`site_key_hash`);--> statement-breakpoint
ALTER TABLE `educator_sessions` ADD `site_id` text REFERENCES sites(id);--> statement-breakpoint
ALTER TABLE `quizzes` ADD `site_id` text REFERENCES sites(id);--> statement-breakpoint
ALTER TABLE `quizzes` ADD `page_url` text;--> statement-breakpoint
ALTER TABLE `quizzes` ADD `page_version` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `quizzes_site_page_article` ON `quizzes` (`site_id`,`page_url`,`article_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `quizzes_site_page_version` ON `quizzes` (`site_id`,`page_url`,`page_version`);