<?php
/**
 * What the block's editor script needs (the block editor's own scripts; there is no build step).
 *
 * @package Recall
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.1.0',
);
