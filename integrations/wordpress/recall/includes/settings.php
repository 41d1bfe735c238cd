<?php
/**
 * The plugin's one option (the Recall address, the site ID, the "every post" switch) and its
 * page under Settings → Recall, through the Settings API (nonce and capability checks included).
 *
 * @package Recall
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings with their defaults.
 *
 * @return array{origin: string, site_id: string, every_post: bool}
 */
function recall_settings() {
	$saved = get_option( RECALL_OPTION, array() );
	return wp_parse_args(
		is_array( $saved ) ? $saved : array(),
		array(
			'origin'     => '',
			'site_id'    => '',
			'every_post' => false,
		)
	);
}

/**
 * The Recall origin (scheme, host and port, no trailing slash), or '' when not set.
 *
 * @return string
 */
function recall_origin() {
	return recall_settings()['origin'];
}

/**
 * Scheme + host (+ port) of a URL, lower-cased; '' unless it is an http(s) URL.
 *
 * @param string $url What the administrator typed.
 * @return string
 */
function recall_normalise_origin( $url ) {
	$parts = wp_parse_url( trim( (string) $url ) );
	if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) || ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
		return '';
	}
	$origin = strtolower( $parts['scheme'] . '://' . $parts['host'] );
	if ( ! empty( $parts['port'] ) ) {
		$origin .= ':' . (int) $parts['port'];
	}
	return $origin;
}

/**
 * Validates the settings form; a bad value keeps the saved one and says why.
 *
 * @param mixed $input The submitted values.
 * @return array
 */
function recall_sanitize_settings( $input ) {
	$old   = recall_settings();
	$input = is_array( $input ) ? $input : array();
	$out   = $old;

	$typed = isset( $input['origin'] ) ? (string) $input['origin'] : '';
	$origin = recall_normalise_origin( $typed );
	if ( '' === trim( $typed ) || '' !== $origin ) {
		$out['origin'] = $origin;
	} else {
		add_settings_error( RECALL_OPTION, 'recall_origin', __( 'The Recall address must be a web address such as https://quiz.example.com.', 'recall' ) );
	}

	$site_id = isset( $input['site_id'] ) ? trim( (string) $input['site_id'] ) : '';
	if ( '' === $site_id || preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $site_id ) ) {
		$out['site_id'] = $site_id;
	} else {
		add_settings_error( RECALL_OPTION, 'recall_site_id', __( 'The site ID has only letters, digits, "-" and "_" (copy it from the Sites page of the Recall console).', 'recall' ) );
	}

	$out['every_post'] = ! empty( $input['every_post'] );
	if ( $out['every_post'] && ( '' === $out['origin'] || '' === $out['site_id'] ) ) {
		$out['every_post'] = false;
		add_settings_error( RECALL_OPTION, 'recall_every_post', __( 'A quiz under every post needs the Recall address and the site ID.', 'recall' ) );
	}
	return $out;
}

/**
 * Registers the option and the fields of the settings page.
 */
function recall_register_settings() {
	register_setting(
		'recall',
		RECALL_OPTION,
		array(
			'type'              => 'object',
			'sanitize_callback' => 'recall_sanitize_settings',
			'default'           => array(),
		)
	);
	add_settings_section( 'recall_main', '', '__return_false', 'recall' );
	add_settings_field( 'recall_origin', __( 'Recall address', 'recall' ), 'recall_field_origin', 'recall', 'recall_main', array( 'label_for' => 'recall-origin' ) );
	add_settings_field( 'recall_site_id', __( 'Site ID', 'recall' ), 'recall_field_site_id', 'recall', 'recall_main', array( 'label_for' => 'recall-site-id' ) );
	add_settings_field( 'recall_every_post', __( 'Every post', 'recall' ), 'recall_field_every_post', 'recall', 'recall_main' );
}
add_action( 'admin_init', 'recall_register_settings' );

/** The Recall address field. */
function recall_field_origin() {
	printf(
		'<input type="url" class="regular-text code" id="recall-origin" name="%1$s[origin]" value="%2$s" placeholder="https://quiz.example.com" /><p class="description">%3$s</p>',
		esc_attr( RECALL_OPTION ),
		esc_attr( recall_origin() ),
		esc_html__( 'Where your Recall runs. Quiz links from this address become quizzes when pasted into a post.', 'recall' )
	);
}

/** The site ID field. */
function recall_field_site_id() {
	printf(
		'<input type="text" class="regular-text code" id="recall-site-id" name="%1$s[site_id]" value="%2$s" /><p class="description">%3$s</p>',
		esc_attr( RECALL_OPTION ),
		esc_attr( recall_settings()['site_id'] ),
		esc_html__( 'This blog registered as a site in the Recall console (Sites). Needed only for a quiz under every post.', 'recall' )
	);
}

/** The "every post" switch. */
function recall_field_every_post() {
	printf(
		'<label><input type="checkbox" id="recall-every-post" name="%1$s[every_post]" value="1" %2$s /> %3$s</label><p class="description">%4$s</p>',
		esc_attr( RECALL_OPTION ),
		checked( recall_settings()['every_post'], true, false ),
		esc_html__( 'A quiz under every post', 'recall' ),
		esc_html__( 'Recall makes each post\'s quiz from the post itself the first time a reader opens it. A post can opt out in its editor ("Recall quiz" box).', 'recall' )
	);
}

/** Adds Settings → Recall. */
function recall_add_settings_page() {
	add_options_page( __( 'Recall quizzes', 'recall' ), __( 'Recall', 'recall' ), 'manage_options', 'recall', 'recall_render_settings_page' );
}
add_action( 'admin_menu', 'recall_add_settings_page' );

/** The settings page. */
function recall_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$origin = recall_origin();
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="options.php" method="post">
			<?php
			settings_fields( 'recall' );
			do_settings_sections( 'recall' );
			submit_button();
			?>
		</form>
		<h2><?php esc_html_e( 'Putting a quiz in a post', 'recall' ); ?></h2>
		<ul class="ul-disc">
			<li><?php echo wp_kses( sprintf( /* translators: %s: an example quiz link */ __( 'Paste the quiz\'s link on a line of its own (an Embed block): %s', 'recall' ), '<code>' . esc_html( ( $origin ? $origin : 'https://quiz.example.com' ) . '/embed/SLUG' ) . '</code>' ), array( 'code' => array() ) ); ?></li>
			<li><?php echo wp_kses( __( 'Or use the shortcode, which every author may use: <code>[recall quiz="SLUG"]</code> (optional <code>lang</code>, <code>theme</code>, <code>group</code>).', 'recall' ), array( 'code' => array() ) ); ?></li>
		</ul>
	</div>
	<?php
}

/**
 * A "Settings" link beside the plugin on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function recall_action_links( $links ) {
	array_unshift( $links, sprintf( '<a href="%s">%s</a>', esc_url( admin_url( 'options-general.php?page=recall' ) ), esc_html__( 'Settings', 'recall' ) ) );
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( dirname( __DIR__ ) . '/recall.php' ), 'recall_action_links' );
