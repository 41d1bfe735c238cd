<?php
/**
 * Quizzes in posts: Recall as a trusted oEmbed provider (a pasted quiz link becomes the quiz,
 * unsandboxed, so it can remember the reader's progress and use the quiz's allowed sites), and
 * the [recall] shortcode and "Recall quiz" block, which every author may use (WordPress strips
 * the script tag from the posts of users without the unfiltered_html capability, not what a
 * shortcode or a block renders).
 *
 * @package Recall
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers Recall's quiz pages as an oEmbed provider WordPress trusts: no discovery request,
 * and its HTML (a fallback link, the frame and its resizer) is kept whole.
 */
function recall_register_oembed_provider() {
	$origin = recall_origin();
	if ( '' !== $origin ) {
		wp_oembed_add_provider( $origin . '/embed/*', $origin . '/oembed', false );
	}
}
add_action( 'init', 'recall_register_oembed_provider' );

/**
 * Lets WordPress's safe HTTP client reach the Recall address the administrator entered, even on
 * a private address or an unusual port (a Recall on the same machine or the local network,
 * which wp_safe_remote_get() refuses). Every other request keeps WordPress's checks.
 *
 * @param array  $args The request's arguments.
 * @param string $url  The request's URL.
 * @return array
 */
function recall_allow_own_origin( $args, $url ) {
	$origin = recall_origin();
	if ( '' !== $origin && 0 === strpos( $url, $origin . '/' ) ) {
		$args['reject_unsafe_urls'] = false;
	}
	return $args;
}
add_filter( 'http_request_args', 'recall_allow_own_origin', 10, 2 );

/** Registers the widget's script (printed only on pages that hold a quiz). */
function recall_register_widget_script() {
	$origin = recall_origin();
	if ( '' !== $origin ) {
		// No version query: the widget's cache rules are Recall's own.
		wp_register_script( 'recall-widget', $origin . '/widget.js', array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
	}
}
add_action( 'wp_enqueue_scripts', 'recall_register_widget_script' );

/**
 * Loads the widget without blocking the page.
 *
 * @param string $tag    The script tag.
 * @param string $handle The script's handle.
 * @return string
 */
function recall_async_widget( $tag, $handle ) {
	if ( 'recall-widget' === $handle && false === strpos( $tag, ' async' ) ) {
		$tag = str_replace( '<script ', '<script async ', $tag );
	}
	return $tag;
}
add_filter( 'script_loader_tag', 'recall_async_widget', 10, 2 );

/**
 * The widget element with the given attributes, and the widget's script queued for the footer.
 *
 * @param array<string, string> $attributes Attribute names and values (empty ones are left out).
 * @return string
 */
function recall_widget_markup( $attributes ) {
	if ( ! wp_script_is( 'recall-widget', 'registered' ) ) {
		recall_register_widget_script();
	}
	wp_enqueue_script( 'recall-widget' );
	$html = '<recall-quiz';
	foreach ( $attributes as $name => $value ) {
		if ( '' !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	return $html . '></recall-quiz>';
}

/**
 * [recall quiz="slug" lang="en|ur|ru" theme="light|dark|auto" group="…"]: the quiz, right there.
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function recall_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'quiz'  => '',
			'lang'  => '',
			'theme' => '',
			'group' => '',
		),
		$atts,
		'recall'
	);
	$slug = strtolower( trim( $atts['quiz'] ) );
	if ( '' === recall_origin() || ! preg_match( '/^[a-z0-9-]{1,80}$/', $slug ) ) {
		// Readers never see a broken box; editors see why on a preview.
		if ( current_user_can( 'edit_posts' ) ) {
			return '<p class="recall-notice"><em>' . esc_html(
				'' === recall_origin()
					? __( 'Recall quiz: set the Recall address under Settings → Recall.', 'recall' )
					: __( 'Recall quiz: give the quiz\'s slug, as in [recall quiz="my-quiz"].', 'recall' )
			) . '</em></p>';
		}
		return '';
	}
	return recall_widget_markup(
		array(
			'quiz'  => $slug,
			'lang'  => in_array( $atts['lang'], array( 'en', 'ur', 'ru' ), true ) ? $atts['lang'] : '',
			'theme' => in_array( $atts['theme'], array( 'light', 'dark', 'auto' ), true ) ? $atts['theme'] : '',
			'group' => substr( sanitize_text_field( $atts['group'] ), 0, 64 ),
		)
	);
}
add_shortcode( 'recall', 'recall_shortcode' );

/**
 * The block editor previews an embed whose HTML has WordPress's fallback blockquote in a frame
 * that it sizes only by height messages carrying the frame's `data-secret`: gives the preview of
 * a Recall quiz one (the REST oEmbed proxy only; posts keep Recall's own resizer).
 *
 * @param string|false $html The embed's HTML.
 * @param string       $url  The pasted URL.
 * @return string|false
 */
function recall_editor_preview_secret( $html, $url ) {
	$origin = recall_origin();
	if ( ! is_string( $html ) || '' === $origin || 0 !== strpos( $url, $origin . '/embed/' )
		|| ! ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) {
		return $html;
	}
	$secret = wp_generate_password( 10, false );
	return preg_replace( '/<iframe\b([^>]*?) src="([^"#]+)"/', '<iframe$1 src="$2#?secret=' . $secret . '" data-secret="' . $secret . '"', $html, 1 );
}
add_filter( 'oembed_result', 'recall_editor_preview_secret', 10, 2 );

/** The "Recall quiz" block (blocks/quiz/), rendered on the server like the shortcode. */
function recall_register_block() {
	register_block_type( dirname( __DIR__ ) . '/blocks/quiz', array( 'render_callback' => 'recall_shortcode' ) );
}
add_action( 'init', 'recall_register_block' );
