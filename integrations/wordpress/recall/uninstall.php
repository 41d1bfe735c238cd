<?php
/**
 * Removes what the plugin stored: its settings and every post's opt-out.
 *
 * @package Recall
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'recall_settings' );
delete_post_meta_by_key( '_recall_no_quiz' );
