<?php
/**
 * Plugin Name: Copydesk
 * Description: Keeps the newsroom fields that Copydesk publishes with each post (its article id, status, byline, dateline, language and JSON-LD) and prints the JSON-LD on the post's page.
 * Version: 1.0
 * Requires at least: 6.1
 * Requires PHP: 7.4
 * Author: The Copydesk authors
 * License: GPL-3.0-or-later
 * License URI: https://www.gnu.org/licenses/gpl-3.0.html
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The post meta keys Copydesk writes, each one string per post.
 */
function copydesk_meta_keys() {
	return array(
		'copydesk_id'       => 'The id of the Copydesk article this post was published from.',
		'copydesk_status'   => 'The article\'s editorial status in Copydesk.',
		'copydesk_byline'   => 'The byline as written in Copydesk.',
		'copydesk_authors'  => 'The authors\' names as the byline joins them, without its opening words.',
		'copydesk_dateline' => 'The dateline as written in Copydesk.',
		'copydesk_language' => 'The article\'s language as a BCP 47 tag.',
		'copydesk_jsonld'   => 'Schema.org JSON-LD for the article, printed in the page head.',
	);
}

/**
 * Registers the meta so that the REST API reads and writes it; only people
 * who may edit posts may change it.
 */
function copydesk_register_meta() {
	foreach ( copydesk_meta_keys() as $key => $description ) {
		register_post_meta(
			'post',
			$key,
			array(
				'type'          => 'string',
				'description'   => $description,
				'single'        => true,
				'default'       => '',
				'show_in_rest'  => true,
				'auth_callback' => function () {
					return current_user_can( 'edit_posts' );
				},
			)
		);
	}
}
add_action( 'init', 'copydesk_register_meta' );

/**
 * Shows the article's authors where the theme names the post's author, so
 * that co-authors who have no user on the site stay in the visible byline.
 * Only on the site's pages: the admin screens keep the WordPress user.
 *
 * @param string $name The display name of the post's WordPress author.
 * @return string The names from Copydesk, or $name when there are none.
 */
function copydesk_the_author( $name ) {
	if ( is_admin() ) {
		return $name;
	}
	$post = get_post();
	if ( ! $post ) {
		return $name;
	}
	$authors = get_post_meta( $post->ID, 'copydesk_authors', true );
	return is_string( $authors ) && '' !== trim( $authors ) ? $authors : $name;
}
add_filter( 'the_author', 'copydesk_the_author' );

/**
 * Declares the copydesk_id parameter of the posts collection, so that it is
 * documented in the REST index and validated as a string.
 */
function copydesk_collection_params( $params ) {
	$params['copydesk_id'] = array(
		'description'       => 'Limit the result to posts published from this Copydesk article id.',
		'type'              => 'string',
		'sanitize_callback' => 'sanitize_text_field',
	);
	return $params;
}
add_filter( 'rest_post_collection_params', 'copydesk_collection_params' );

/**
 * Turns ?copydesk_id= on the posts collection into a meta query, so that
 * Copydesk finds the post it published before without keeping the post id.
 */
function copydesk_rest_post_query( $args, $request ) {
	$id = $request->get_param( 'copydesk_id' );
	if ( null === $id || '' === $id ) {
		return $args;
	}
	if ( ! isset( $args['meta_query'] ) || ! is_array( $args['meta_query'] ) ) {
		$args['meta_query'] = array();
	}
	$args['meta_query'][] = array(
		'key'     => 'copydesk_id',
		'value'   => (string) $id,
		'compare' => '=',
	);
	return $args;
}
add_filter( 'rest_post_query', 'copydesk_rest_post_query', 10, 2 );

/**
 * Prints the post's JSON-LD in the head of its own page. The meta is decoded
 * and encoded again, so that what reaches the page is JSON that cannot close
 * the script element; meta that does not parse is left out.
 */
function copydesk_print_jsonld() {
	if ( ! is_singular( 'post' ) ) {
		return;
	}
	$raw = get_post_meta( get_queried_object_id(), 'copydesk_jsonld', true );
	if ( ! is_string( $raw ) || '' === trim( $raw ) ) {
		return;
	}
	$data = json_decode( $raw );
	if ( null === $data || JSON_ERROR_NONE !== json_last_error() ) {
		return;
	}
	$json = wp_json_encode( $data, JSON_UNESCAPED_UNICODE | JSON_HEX_TAG | JSON_HEX_AMP );
	if ( false === $json ) {
		return;
	}
	echo '<script type="application/ld+json">' . $json . "</script>\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- JSON encoded with < and & escaped.
}
add_action( 'wp_head', 'copydesk_print_jsonld' );
