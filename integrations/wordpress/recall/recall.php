<?php
/**
 * Plugin Name:       Recall Quizzes
 * Description:       Short quizzes from Recall under your posts: paste a quiz link, use the [recall quiz="slug"] shortcode, or put a quiz made from each post under every post.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Recall
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       recall
 *
 * @package Recall
 */

defined( 'ABSPATH' ) || exit;

define( 'RECALL_VERSION', '0.1.0' );
define( 'RECALL_OPTION', 'recall_settings' );
define( 'RECALL_OPT_OUT_META', '_recall_no_quiz' );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/embeds.php';
require_once __DIR__ . '/includes/every-post.php';
