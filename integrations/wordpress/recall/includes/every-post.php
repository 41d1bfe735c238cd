<?php
/**
 * "A quiz under every post": the site snippet (<recall-quiz site="…">, whose quiz Recall makes
 * from the post itself) after the content of each post, unless the post opts out with the
 * "Recall quiz" box in its editor (post meta _recall_no_quiz, also in the REST API).
 *
 * @package Recall
 */

defined( 'ABSPATH' ) || exit;

/**
 * The post types that get a quiz under them.
 *
 * @return string[]
 */
function recall_every_post_types() {
	/**
	 * Filters the post types that get a quiz under every post (default: posts only).
	 *
	 * @param string[] $types Post type names.
	 */
	return (array) apply_filters( 'recall_every_post_types', array( 'post' ) );
}

/** Registers the opt-out as post meta that editors can set (REST included). */
function recall_register_opt_out_meta() {
	foreach ( recall_every_post_types() as $type ) {
		register_post_meta(
			$type,
			RECALL_OPT_OUT_META,
			array(
				'type'          => 'boolean',
				'single'        => true,
				'default'       => false,
				'show_in_rest'  => true,
				'auth_callback' => function ( $allowed, $meta_key, $post_id ) {
					return current_user_can( 'edit_post', $post_id );
				},
			)
		);
	}
}
add_action( 'init', 'recall_register_opt_out_meta' );

/**
 * Whether the post should get the site quiz.
 *
 * @param int $post_id The post.
 * @return bool
 */
function recall_post_gets_quiz( $post_id ) {
	$settings = recall_settings();
	return $settings['every_post'] && '' !== $settings['site_id'] && '' !== $settings['origin']
		&& in_array( get_post_type( $post_id ), recall_every_post_types(), true )
		&& ! get_post_meta( $post_id, RECALL_OPT_OUT_META, true );
}

/**
 * Appends the site snippet to the content of the post being viewed (not to excerpts, feeds,
 * lists of posts or other posts shown on its page).
 *
 * @param string $content The post's content.
 * @return string
 */
function recall_append_site_quiz( $content ) {
	$post_id = get_the_ID();
	if ( is_admin() || is_feed() || ! is_singular() || ! $post_id || get_queried_object_id() !== $post_id
		|| doing_filter( 'get_the_excerpt' ) || ! recall_post_gets_quiz( $post_id ) ) {
		return $content;
	}
	return $content . "\n" . '<div class="recall-site-quiz">' . recall_widget_markup( array( 'site' => recall_settings()['site_id'] ) ) . '</div>';
}
add_filter( 'the_content', 'recall_append_site_quiz', 20 );

/** The "Recall quiz" box in the post editor, while the switch is on. */
function recall_add_opt_out_box() {
	if ( ! recall_settings()['every_post'] ) {
		return;
	}
	add_meta_box( 'recall-quiz', __( 'Recall quiz', 'recall' ), 'recall_render_opt_out_box', recall_every_post_types(), 'side' );
}
add_action( 'add_meta_boxes', 'recall_add_opt_out_box' );

/**
 * The box's checkbox.
 *
 * @param WP_Post $post The post being edited.
 */
function recall_render_opt_out_box( $post ) {
	wp_nonce_field( 'recall_opt_out', 'recall_opt_out_nonce' );
	printf(
		'<label><input type="checkbox" name="recall_no_quiz" value="1" %1$s /> %2$s</label>',
		checked( (bool) get_post_meta( $post->ID, RECALL_OPT_OUT_META, true ), true, false ),
		esc_html__( 'No quiz under this post', 'recall' )
	);
}

/**
 * Saves the box's checkbox.
 *
 * @param int $post_id The post saved.
 */
function recall_save_opt_out( $post_id ) {
	if ( ! isset( $_POST['recall_opt_out_nonce'] )
		|| ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['recall_opt_out_nonce'] ) ), 'recall_opt_out' )
		|| ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE )
		|| ! current_user_can( 'edit_post', $post_id ) ) {
		return;
	}
	if ( empty( $_POST['recall_no_quiz'] ) ) {
		delete_post_meta( $post_id, RECALL_OPT_OUT_META );
	} else {
		update_post_meta( $post_id, RECALL_OPT_OUT_META, true );
	}
}
add_action( 'save_post', 'recall_save_opt_out' );
